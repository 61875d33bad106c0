/**
 * The JSON form of results, shared by the commands and the batch runner: one object per
 * result, keys in insertion order, non-finite numbers written as null ({@link io.polysos.cli.json.Json}).
 * Depends on sdp-api and core only, never on the commands.
 */
package io.polysos.cli.json;
