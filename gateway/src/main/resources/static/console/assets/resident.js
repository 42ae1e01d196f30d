// The console's resident pages: progressive enhancement only; the pages work without it.
'use strict';
