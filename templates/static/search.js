// OWNER: search work (issue 4). Placeholder for the in-browser search.
