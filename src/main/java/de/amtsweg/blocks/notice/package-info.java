/**
 * Official notices (Bescheide) as PDF/A-3b: {@link de.amtsweg.blocks.notice.NoticeRenderer} renders
 * Thymeleaf XHTML templates from {@code classpath:templates/notices/} (shared
 * {@code layout.html} and {@code legal-remedy.html}, one folder per procedure) with openhtmltopdf.
 * The model keys the templates understand are documented at the top of {@code layout.html}.
 */
package de.amtsweg.blocks.notice;
