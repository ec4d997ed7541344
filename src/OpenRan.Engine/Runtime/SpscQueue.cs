using System;
using System.Numerics;
using System.Threading;

namespace OpenRan.Engine.Runtime;

/// <summary>
/// A bounded single-producer/single-consumer queue of references: a preallocated power-of-two array with a head and a tail
/// counter, each written by one side only (release/acquire through <see cref="Volatile"/>). Enqueue and dequeue are
/// wait-free and allocate nothing.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class SpscQueue<T>
    where T : class
{
    private readonly T?[] _items;
    private readonly int _mask;
    private long _head;
    private long _tail;

    /// <summary>Creates a queue holding up to <paramref name="capacity"/> items (rounded up to a power of two).</summary>
    public SpscQueue(int capacity)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity));
        _items = new T?[size];
        _mask = size - 1;
    }

    /// <summary>Items queued (a snapshot).</summary>
    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>Producer side: adds <paramref name="item"/>; false when full.</summary>
    public bool TryEnqueue(T item)
    {
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) == _items.Length)
        {
            return false;
        }

        _items[tail & _mask] = item;
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>Consumer side: takes the oldest item; false when empty.</summary>
    public bool TryDequeue(out T? item)
    {
        long head = _head;
        if (head == Volatile.Read(ref _tail))
        {
            item = null;
            return false;
        }

        item = _items[head & _mask];
        _items[head & _mask] = null;
        Volatile.Write(ref _head, head + 1);
        return true;
    }
}
