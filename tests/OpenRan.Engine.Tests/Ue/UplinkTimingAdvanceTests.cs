using OpenRan.Engine.Ue.Runtime;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>When a Timing Advance Command takes effect (TS 38.213 §4.2).</summary>
public sealed class UplinkTimingAdvanceTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 5)]
    [InlineData(2, 8)]
    [InlineData(3, 11)]
    public void DelaySlots_IsTs38213Section4_2sK(int mu, int k)
    {
        // μ = 0: N_T,1 = 14 symbols ≈ 1 ms, N_T,2 = 10 symbols ≈ 0.71 ms, N_TA,max = 3846·16·64 T_c ≈ 2.003 ms:
        // ⌈1 · (1 + 0.71 + 2.003 + 0.5)⌉ = 5; μ = 1: ⌈2 · (0.464 + 0.429 + 1.002 + 0.5)⌉ = 5.
        Assert.Equal(k, UplinkTimingAdvance.DelaySlots(mu));
    }

    [Fact]
    public void Command_AppliesFromUplinkSlotNPlusKPlusOne()
    {
        var ta = new UplinkTimingAdvance(0);
        ta.Receive(100, 3);
        for (long slot = 95; slot <= 105; slot++)
        {
            Assert.Equal(0, ta.StepsFor(slot));
        }

        Assert.Equal(3, ta.StepsFor(106));

        // Two more commands in consecutive slots: each from its own n + 6.
        ta.Receive(107, -1);
        ta.Receive(108, 2);
        Assert.Equal(3, ta.StepsFor(112));
        Assert.Equal(2, ta.StepsFor(113));
        Assert.Equal(4, ta.StepsFor(114));
        Assert.Equal(108, ta.LastCommandSlot);
        Assert.Equal(4, ta.ReceivedSteps);

        ta.Reset();
        Assert.Equal(0, ta.StepsFor(200));
        Assert.Equal(-1, ta.LastCommandSlot);
    }
}
