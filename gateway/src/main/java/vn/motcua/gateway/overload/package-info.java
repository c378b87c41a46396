/** The gateway's defence against more requests than the platform can answer: shed the excess at once, stay up. */
package vn.motcua.gateway.overload;
