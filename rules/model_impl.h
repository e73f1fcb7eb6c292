/* model_impl.h - what model.c shares with the other builders of the model
 * (model_sel.c): the arrays of a model (a plan's rules and copies, a
 * selection's resources), in the document's arena while they are small and
 * in a block of their own, shrunk to size by model_settle(), past that. */
#ifndef BACKUPLINT_MODEL_IMPL_H
#define BACKUPLINT_MODEL_IMPL_H

#include <stddef.h>

#include "model.h"

/* An array of n used items grown to `want` items of `size` bytes. */
void *model_resize(struct doc *d, void *p, size_t n, size_t *cap,
		   size_t want, size_t size);
/* Room for `more` items after the n used (none when more < 2: model_room
 * gives one at a time). */
void *model_reserve(struct doc *d, void *p, size_t n, size_t *cap,
		    size_t more, size_t size);
/* Items of the lists a value may be (its variants that are lists; with
 * `maps`, an Organizations policy's maps of named items too, which
 * each_map reads as lists). */
size_t model_list_items(struct doc *d, const struct value *v, int maps);
/* Room for item n, zeroed. */
void *model_room(struct doc *d, void *p, size_t n, size_t *cap, size_t size);
/* The array shrunk to its n items, handed to the arena when in a block. */
void *model_settle(struct doc *d, void *p, size_t n, size_t *cap, size_t size);

#endif
