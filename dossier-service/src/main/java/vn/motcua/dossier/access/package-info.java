/** Who may see and change a dossier: its owner, staff of its agency; anything else is reported as missing. */
package vn.motcua.dossier.access;
