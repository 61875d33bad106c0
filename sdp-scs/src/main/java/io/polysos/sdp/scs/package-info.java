/** sdp-scs (work in progress). */
package io.polysos.sdp.scs;
