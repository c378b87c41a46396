/** Browsers on the portals' own sites call the API across origins: the gateway answers their preflights and labels answers. */
package vn.motcua.gateway.crossorigin;
