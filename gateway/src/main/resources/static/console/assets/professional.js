// The console's professional pages: progressive enhancement only; the pages work without it.
'use strict';
