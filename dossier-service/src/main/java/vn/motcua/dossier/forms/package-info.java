/** Forms 01-05 (receipt, supplement request, refusal, apology with a new date, stop) printed as PDFs from a dossier. */
package vn.motcua.dossier.forms;
