/** The official notices that rule data (calendar years, channel policies) follows, as ops cite them. */
package vn.motcua.dossier.notices;
