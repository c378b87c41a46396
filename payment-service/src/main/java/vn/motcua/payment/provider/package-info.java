/** The payment platform behind an interface; its wire protocol (VNPay 2.1.0 style) lives in the internal package. */
package vn.motcua.payment.provider;
