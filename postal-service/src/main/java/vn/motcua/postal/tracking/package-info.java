/** Postal item ids in UPU S10 form and the serial ranges each operator is allocated. */
package vn.motcua.postal.tracking;
