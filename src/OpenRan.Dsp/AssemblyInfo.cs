using System.Runtime.CompilerServices;

// stackalloc and locals are not zeroed: every kernel writes its scratch fully before reading it (STYLE.md §8).
[module: SkipLocalsInit]
