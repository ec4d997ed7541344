using System;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// A fixed bit pattern repeated without end (MATLAB 5G Toolbox's vector data source, e.g. [1 0 0 1]); each call continues
/// where the previous one stopped.
/// </summary>
public sealed class PatternBitSource : IBitSource
{
    private readonly byte[] _pattern;
    private int _position;

    /// <summary>Creates the source for <paramref name="pattern"/> (bits 0/1, at least one).</summary>
    public PatternBitSource(ReadOnlySpan<byte> pattern)
    {
        if (pattern.IsEmpty)
        {
            throw new ArgumentException("the pattern needs at least one bit", nameof(pattern));
        }

        foreach (byte b in pattern)
        {
            if (b > 1)
            {
                throw new ArgumentException($"pattern bit {b}: valid 0 or 1", nameof(pattern));
            }
        }

        _pattern = pattern.ToArray();
    }

    /// <inheritdoc />
    public void Fill(Span<byte> bits)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = _pattern[_position];
            _position = _position + 1 == _pattern.Length ? 0 : _position + 1;
        }
    }

    /// <inheritdoc />
    public void Reset() => _position = 0;
}
