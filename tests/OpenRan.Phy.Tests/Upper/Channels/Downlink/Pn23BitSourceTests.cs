using System;
using OpenRan.Phy.Upper.Channels.Downlink;

namespace OpenRan.Phy.Tests.Upper.Channels.Downlink;

/// <summary>PN23 (ITU-T O.150 §5.8): the sixteen-at-a-time generator equals the bit-serial shift register.</summary>
public sealed class Pn23BitSourceTests
{
    [Fact]
    public void AnySequenceOfCalls_EqualsTheBitSerialRegister()
    {
        var random = new Random(7);
        var source = new Pn23BitSource();
        uint register = (1u << 23) - 1;
        for (int call = 0; call < 500; call++)
        {
            int length = random.Next(0, 700);
            var fast = new byte[length];
            var serial = new byte[length];
            source.Fill(fast);
            register = Pn23BitSource.FillSerial(register, serial);
            Assert.Equal(serial, fast);
        }
    }

    [Fact]
    public void StartsWith23OnesThenFollowsTheFeedback_AndRepeatsAfter2Pow23Minus1Bits()
    {
        const int Period = (1 << 23) - 1;
        var bits = new byte[Period + 64];
        new Pn23BitSource().Fill(bits);
        for (int n = 0; n < 23; n++)
        {
            Assert.Equal(1, bits[n]);
        }

        // x^23 + x^18 + 1: o[n + 23] = o[n] ⊕ o[n + 5].
        for (int n = 0; n + 23 < bits.Length; n += 997)
        {
            Assert.Equal(bits[n] ^ bits[n + 5], bits[n + 23]);
        }

        Assert.Equal(bits.AsSpan(0, 64).ToArray(), bits.AsSpan(Period, 64).ToArray());
        Assert.NotEqual(bits.AsSpan(0, 64).ToArray(), bits.AsSpan(Period / 2, 64).ToArray());
    }
}
