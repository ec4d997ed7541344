using System;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// The 2^23 − 1 pseudo-random test pattern of ITU-T O.150 §5.8 (the PN23 of the NR test models, TS 38.141-1 §4.9.2.3): a
/// 23-stage shift register whose 18th and 23rd stage outputs are added modulo 2 and fed back to the first stage, started
/// from all ones; the output is the 23rd stage (the feedback polynomial x^23 + x^18 + 1).
/// </summary>
public sealed class Pn23BitSource : IBitSource
{
    private const uint AllOnes = (1u << 23) - 1;
    private uint _register = AllOnes;

    /// <inheritdoc />
    public void Fill(Span<byte> bits)
    {
        uint r = _register;
        for (int i = 0; i < bits.Length; i++)
        {
            // Stage s is bit s − 1: output stage 23, feedback stage 18 ⊕ stage 23 into stage 1.
            uint output = (r >> 22) & 1;
            uint feedback = output ^ ((r >> 17) & 1);
            r = ((r << 1) | feedback) & AllOnes;
            bits[i] = (byte)output;
        }

        _register = r;
    }

    /// <inheritdoc />
    public void Reset() => _register = AllOnes;
}
