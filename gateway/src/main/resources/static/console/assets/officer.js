// The console's officer pages: progressive enhancement only; the pages work without it.
'use strict';
