// Must compile: each layer includes what it owns and what lies below it (the control case, so
// that the probes above fail for the reason they name and not another).
#include "LAYER_HEADER"
