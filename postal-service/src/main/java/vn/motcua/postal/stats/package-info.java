/** The post's figures for ops and agency leaders: results returned by post, discounts granted per rule, cash collected and remitted. */
package vn.motcua.postal.stats;
