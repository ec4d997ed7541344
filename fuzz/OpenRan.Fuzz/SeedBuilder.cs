using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using OpenRan.Dsp;

namespace OpenRan.Fuzz;

/// <summary>Writes seed inputs in the layout <see cref="FuzzInput"/> reads: header bytes, then samples or LLRs.</summary>
internal sealed class SeedBuilder
{
    private readonly List<byte> _bytes = [];

    public SeedBuilder Header(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>Samples as raw little-endian float32 pairs (sample format 0).</summary>
    public SeedBuilder Floats(ReadOnlySpan<ComplexF32> samples)
    {
        Span<byte> b = stackalloc byte[8];
        foreach (ComplexF32 s in samples)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b, s.Re);
            BinaryPrimitives.WriteSingleLittleEndian(b[4..], s.Im);
            _bytes.AddRange(b);
        }

        return this;
    }

    /// <summary>Float LLRs as raw little-endian float32 (LLR format 0).</summary>
    public SeedBuilder Floats(ReadOnlySpan<float> values)
    {
        Span<byte> b = stackalloc byte[4];
        foreach (float v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b, v);
            _bytes.AddRange(b);
        }

        return this;
    }

    public SeedBuilder RandomBytes(Random random, int count)
    {
        var b = new byte[count];
        random.NextBytes(b);
        _bytes.AddRange(b);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
