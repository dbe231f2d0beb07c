"""Pages of the awards app, one module per use case: `queue` (the list and what is done from it),
`nominations` (one nomination's pages), `progress`, and `setup` (award forms and criteria);
`base` holds what they share. `awards/urls.py` names each view by its module."""
