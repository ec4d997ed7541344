using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// Accepts a DCI candidate whose CRC, after removing the RNTI mask, checks for one of the allowed RNTIs: with K = A + 24
/// decoded bits, x = CRC24C(1^24 ‖ a) ⊕ (received parity) must have its 8 MSBs zero and its 16 LSBs in the RNTI set
/// (TS 38.212 §7.3.2).
/// </summary>
public readonly struct DciCrcCheck : IPolarPathCheck
{
    private readonly CrcCalculator _crc;
    private readonly uint _onesRegister;
    private readonly ushort[] _rntis;
    private readonly int _rntiCount;

    /// <summary>Creates the check for the first <paramref name="rntiCount"/> RNTIs of <paramref name="rntis"/>.</summary>
    public DciCrcCheck(CrcCalculator crc, uint onesRegister, ushort[] rntis, int rntiCount)
    {
        _crc = crc;
        _onesRegister = onesRegister;
        _rntis = rntis;
        _rntiCount = rntiCount;
    }

    /// <inheritdoc />
    public bool Accept(ReadOnlySpan<byte> bits) => Match(bits) >= 0;

    /// <summary>The matching RNTI, or −1.</summary>
    public int Match(ReadOnlySpan<byte> bits)
    {
        int a = bits.Length - 24;
        uint parity = _crc.Finish(_crc.Update(_onesRegister, bits[..a]));
        uint received = (uint)BitPacking.ReadUInt(bits, a, 24);
        uint mask = parity ^ received;
        if ((mask >> 16) != 0)
        {
            return -1;
        }

        for (int i = 0; i < _rntiCount; i++)
        {
            if (_rntis[i] == (ushort)mask)
            {
                return _rntis[i];
            }
        }

        return -1;
    }
}
