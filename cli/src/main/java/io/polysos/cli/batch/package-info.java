/**
 * Batch runs for clusters: job files (one JSON job per line), sharding (explicit or from
 * SLURM array variables), a fault-isolating runner that writes one result file per job
 * atomically, resume, timeouts, memory estimates and graceful stop on SIGTERM/SIGINT.
 * Depends on sdp-api, core and the JSON form of results ({@link io.polysos.cli.json}), not on the commands.
 */
package io.polysos.cli.batch;
