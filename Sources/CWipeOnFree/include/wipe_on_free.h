#ifndef WIPE_ON_FREE_H
#define WIPE_ON_FREE_H
/// Always 1: referencing it keeps the zeroing free() and realloc() linked into the program.
int wm_wipe_on_free_linked(void);
#endif
