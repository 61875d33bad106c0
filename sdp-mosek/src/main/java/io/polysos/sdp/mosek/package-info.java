/** sdp-mosek (work in progress). */
package io.polysos.sdp.mosek;
