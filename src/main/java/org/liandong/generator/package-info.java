/**
 * Generated data at the scale of a province (issue 10): divisions, bureaus and their people, an
 * obligation ledger, a case register and a serious-dishonesty list written directly into the
 * database in resumable chunks. Run as a command of the application
 * ({@code --liandong.generate.enabled=true}); the benchmarks use the same code. PostgreSQL only.
 */
package org.liandong.generator;
