using System;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>Uniformly random bits from a seeded xoshiro256** generator (reproducible payloads for generated waveforms).</summary>
public sealed class RandomBitSource : IBitSource
{
    private readonly ulong _seed;
    private Xoshiro256StarStar _generator;
    private ulong _word;
    private int _left;

    /// <summary>Creates the source with <paramref name="seed"/>.</summary>
    public RandomBitSource(ulong seed)
    {
        _seed = seed;
        _generator = new Xoshiro256StarStar(seed);
    }

    /// <inheritdoc />
    public void Fill(Span<byte> bits)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            if (_left == 0)
            {
                _word = _generator.NextUInt64();
                _left = 64;
            }

            bits[i] = (byte)(_word & 1);
            _word >>= 1;
            _left--;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _generator = new Xoshiro256StarStar(_seed);
        _left = 0;
    }
}
