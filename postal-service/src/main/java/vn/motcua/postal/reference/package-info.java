/** What the postal service keeps of other services' published facts: the procedures, as far as post needs them. */
package vn.motcua.postal.reference;
