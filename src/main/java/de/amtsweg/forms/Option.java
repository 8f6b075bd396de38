package de.amtsweg.forms;

/** One choice of a select, radio, checklist or taglist. */
record Option(String value, String label) {}
