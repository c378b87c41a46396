/** Postage, cash-on-delivery fees, discounts and who pays: dated rules with their sources, and the quotes made from them. */
package vn.motcua.postal.tariffs;
