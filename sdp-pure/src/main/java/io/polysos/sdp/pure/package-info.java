/** sdp-pure (work in progress). */
package io.polysos.sdp.pure;
