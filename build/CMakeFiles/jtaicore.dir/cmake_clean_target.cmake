file(REMOVE_RECURSE
  "libjtaicore.a"
)
