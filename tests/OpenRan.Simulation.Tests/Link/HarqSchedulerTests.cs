using System;
using System.Collections.Generic;
using OpenRan.Simulation.Link;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Link;

public class HarqSchedulerTests
{
    /// <summary>Fails a scripted number of attempts per transport block; records the calls.</summary>
    private sealed class ScriptedLink(Func<int, int, bool> decodes) : IHarqTransmission
    {
        public List<(int Slot, int Process, int Rv, bool NewData)> Calls { get; } = [];

        public bool Transmit(int slot, int harqProcess, int redundancyVersion, bool newData)
        {
            Calls.Add((slot, harqProcess, redundancyVersion, newData));
            int attempt = 0;
            foreach ((int _, int p, int _, bool nd) in Calls)
            {
                if (p == harqProcess)
                {
                    attempt = nd ? 1 : attempt + 1;
                }
            }

            return decodes(harqProcess, attempt);
        }
    }

    [Fact]
    public void Run_DecodesOnThirdAttempt_RvSequenceAndThroughputOneThird()
    {
        var link = new ScriptedLink((_, attempt) => attempt == 3);
        var harq = new HarqScheduler(processCount: 2, maxTransmissions: 4, rvSequence: [0, 2, 3, 1]);
        LinkCounters c = harq.Run(12, 1000, link);

        // Process 0 uses slots 0, 2, 4 | 6, 8, 10; process 1 slots 1, 3, 5 | 7, 9, 11.
        Assert.Equal([(0, 0, 0, true), (1, 1, 0, true), (2, 0, 2, false), (3, 1, 2, false), (4, 0, 3, false), (5, 1, 3, false), (6, 0, 0, true)],
            link.Calls.GetRange(0, 7));
        Assert.Equal(12, c.Slots);
        Assert.Equal(8, c.TransmissionErrors);
        Assert.Equal(4, c.TransportBlocks);
        Assert.Equal(0, c.ResidualErrors);
        Assert.Equal(4000, c.DecodedBits);
        Assert.Equal(12000, c.OfferedBits);
    }

    [Fact]
    public void Run_NeverDecodes_GivesUpAfterMaximumTransmissions()
    {
        var link = new ScriptedLink((_, _) => false);
        LinkCounters c = new HarqScheduler(1, 4, [0, 2, 3, 1]).Run(10, 100, link);
        Assert.Equal(10, c.TransmissionErrors);
        Assert.Equal(2, c.TransportBlocks); // slots 0–3 and 4–7; 8–9 still pending
        Assert.Equal(2, c.ResidualErrors);
        Assert.Equal(0, c.DecodedBits);
        Assert.True(link.Calls[4].NewData);
        Assert.Equal(0, link.Calls[4].Rv);
    }

    [Fact]
    public void Run_NoHarq_EverySlotIsANewBlock()
    {
        var link = new ScriptedLink((_, _) => false);
        LinkCounters c = new HarqScheduler(4, 1, [0, 2, 3, 1]).Run(9, 100, link);
        Assert.All(link.Calls, call => Assert.True(call.NewData && call.Rv == 0));
        Assert.Equal(9, c.TransportBlocks);
        Assert.Equal(9, c.ResidualErrors);
    }

    [Fact]
    public void Constructor_BadRedundancyVersion_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HarqScheduler(8, 4, [0, 4]));
}
