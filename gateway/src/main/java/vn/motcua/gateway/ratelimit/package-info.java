/** Rate limits at the edge: per client (the token's azp), per IP for the public look-up; 429 problem+json. */
package vn.motcua.gateway.ratelimit;
