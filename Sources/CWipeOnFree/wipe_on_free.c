// Every block of heap memory is zeroed when it is freed, so a plan's words (in the many copies
// Swift strings and arrays make of them) do not stay in the heap after they are dropped: after
// "Lock my plan", after an unlock, after a screen is redrawn. Linked into the executable, these
// two functions take the place of the C library's for every library the program uses.
#include <malloc.h>
#include <string.h>

extern void __libc_free(void *);
extern void *__libc_malloc(size_t);

void free(void *block) {
    if (block) explicit_bzero(block, malloc_usable_size(block));
    __libc_free(block);
}

// realloc would move a block without zeroing where it was: move it here instead.
void *realloc(void *block, size_t size) {
    if (!block) return __libc_malloc(size);
    if (size == 0) {
        free(block);
        return NULL;
    }
    size_t had = malloc_usable_size(block);
    if (size <= had) return block;
    void *moved = __libc_malloc(size);
    if (!moved) return NULL;
    memcpy(moved, block, had);
    free(block);
    return moved;
}

int wm_wipe_on_free_linked(void) { return 1; }
