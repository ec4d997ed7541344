using System.Collections.Generic;
using OpenRan.Simulation.Prach;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Prach;

public class PrachLinkSimulatorTests
{
    public static TheoryData<string> Presets()
    {
        var data = new TheoryData<string>();
        foreach (PrachRequirement r in Ts38104Table8_4_2_2.All)
        {
            data.Add(r.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_ResolvesWithTimingOffsetsInsideTheZoneAndCyclicPrefix(string name)
    {
        PrachRequirement r = Ts38104Table8_4_2_2.Find(name)!;
        PrachSimulationSetup setup = PrachSimulationSetup.Create(new PrachSimulationOptions { Requirement = r, SnrDb = [r.SnrDb] });
        Assert.Equal(r.PreambleIndex, setup.PreambleIndex);
        Assert.Equal(10, setup.TimingOffsetsSeconds.Count);
        Assert.Equal(0.9e-6, setup.TimingOffsetsSeconds[9] - setup.TimingOffsetsSeconds[0], 1e-12);
        Assert.Equal(r.FrequencyOffsetHz, setup.Propagation.FrequencyOffsetHz);
        Assert.Equal(r.SnrDb, double.Parse(setup.Plan().Description[PrachSimulationSetup.RequirementKey], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Run_HighSnr_DetectsEveryOccasion_AndIsDeterministic()
    {
        PrachSimulationSetup setup = PrachSimulationSetup.Create(new PrachSimulationOptions
        {
            Requirement = Ts38104Table8_4_2_2.Find("B4-30-TDLC300-100")!,
            SnrDb = [0],
            OccasionsPerBatch = 10,
        });
        var unit = new WorkUnit(0, 0, 3, 10, 42);
        LinkCounters first = new PrachLinkSimulator(setup).Run(unit);
        LinkCounters second = new PrachLinkSimulator(setup).Run(unit);
        Assert.Equal(first, second);
        Assert.Equal(10, first.Transmissions);
        Assert.Equal(0, first.TransmissionErrors);
    }

    [Fact]
    public void Run_NoiseOnly_RaisesNoFalseAlarmInAFewOccasions()
    {
        PrachSimulationSetup setup = PrachSimulationSetup.Create(new PrachSimulationOptions
        {
            Requirement = Ts38104Table8_4_2_2.Find("F0-AWGN")!,
            SnrDb = [0],
            NoiseOnly = true,
        });
        LinkCounters counters = new PrachLinkSimulator(setup).Run(new WorkUnit(0, 0, 0, 40, 7));
        Assert.Equal(40, counters.Transmissions);
        Assert.Equal(0, counters.TransmissionErrors);
        Assert.False(setup.Plan().Description.ContainsKey(PrachSimulationSetup.RequirementKey));
    }

    [Fact]
    public void Comparison_InterpolatesThe99PercentCrossing()
    {
        var plan = new SweepPlan
        {
            SnrDb = [-10, -9, -8],
            SlotsPerBatch = 1000,
            MaxSlotsPerPoint = 1000,
            MinBlockErrors = 0,
            Description = new SortedDictionary<string, string> { [PrachSimulationSetup.RequirementKey] = "-8.5" },
        };
        var records = new List<BatchRecord>
        {
            new(0, 0, new LinkCounters { Slots = 1000, Transmissions = 1000, TransmissionErrors = 50 }),
            new(1, 0, new LinkCounters { Slots = 1000, Transmissions = 1000, TransmissionErrors = 20 }),
            new(2, 0, new LinkCounters { Slots = 1000, Transmissions = 1000, TransmissionErrors = 0 }),
        };
        SweepResult result = SweepResult.Complete(plan, records, 1, 1);
        PrachRequirementComparison comparison = PrachRequirementComparison.For(result);
        Assert.Equal(-8.5, comparison.CrossingSnrDb!.Value, 1e-9);
        Assert.Equal(RequirementVerdict.Met, comparison.Verdict);
        Assert.Equal(0, comparison.MarginDb!.Value, 1e-9);
    }

    [Fact]
    public void Options_BadValues_AreNamed()
    {
        PrachRequirement r = Ts38104Table8_4_2_2.Find("F0-AWGN")!;
        Assert.Equal("OccasionsPerPoint", Assert.Throws<System.ArgumentOutOfRangeException>(() => PrachSimulationSetup.Create(new PrachSimulationOptions { Requirement = r, SnrDb = [0], OccasionsPerPoint = 0 })).ParamName);
        Assert.Throws<System.ArgumentException>(() => PrachSimulationSetup.Create(new PrachSimulationOptions { Requirement = r, SnrDb = [0], TimingOffsetBaseShare = 0.95 }));
    }
}
