/**
 * Home Assistant OS backups through the Supervisor API: {@link io.piha.http.haos.SupervisorBackups} creates, lists
 * and downloads them with a token, {@link io.piha.http.haos.BackupArchive} checks an archive is whole, and
 * {@link io.piha.http.haos.BackupStaging} stages verified ones for restore on the standby, keeping the newest N.
 */
package io.piha.http.haos;
