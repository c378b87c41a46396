/** What the API answers about a dossier, shared by every feature that returns one. */
package vn.motcua.dossier.views;
