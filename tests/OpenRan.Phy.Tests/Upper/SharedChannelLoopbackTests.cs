using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Phy.Upper.SignalProcessors.Ptrs;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper;

/// <summary>Modulator → synthetic channel → demodulator: the hard decisions must give the codeword back.</summary>
public class SharedChannelLoopbackTests
{
    private const double Scs = 30e3;

    [Theory]
    [InlineData(ModulationScheme.Qpsk, 1, 1, EqualizerAlgorithm.Mmse, 25)]
    [InlineData(ModulationScheme.Qam64, 2, 2, EqualizerAlgorithm.Mmse, 35)]
    [InlineData(ModulationScheme.Qam16, 4, 4, EqualizerAlgorithm.ZeroForcing, 35)]
    [InlineData(ModulationScheme.Qam256, 2, 4, EqualizerAlgorithm.Mmse, 40)]
    public void Pdsch_MultipathChannel_RecoversCodeword(ModulationScheme scheme, int layers, int rx, EqualizerAlgorithm equalizer, double snrDb)
    {
        var configuration = new PdschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 52,
            NSizeBwp = 52,
            PrbSet = [.. Enumerable.Range(2, 24), .. Enumerable.Range(30, 12)],
            StartSymbol = 1,
            SymbolCount = 13,
            Modulation = scheme,
            LayerCount = layers,
            NRnti = 0x4601,
            NId = 77,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [.. Enumerable.Range(0, layers)], ScramblingId0 = 12, ScramblingId1 = 12 },
            ReservedResources = [ReservedResource.Blocks([4, 5, 6], 1 << 12, 0b000100100000)],
        };
        var modulator = new SharedChannelModulator();
        var demodulator = new SharedChannelDemodulator(rx, 4, new SharedChannelReceiverOptions { Equalizer = equalizer });
        byte[] codeword = RandomBits(modulator.CodewordLength(configuration), 1);
        var transmitted = new ResourceGrid(4, 14, 52 * 12);
        modulator.Modulate(configuration, codeword, 5, transmitted);
        SyntheticChannel channel = SyntheticChannel.Benign(rx, layers, seed: layers + rx, timingOffsetSeconds: 0.2e-6);
        var received = new ResourceGrid(4, 14, 52 * 12);
        channel.Apply(transmitted, received, Scs, Math.Pow(10, -snrDb / 10), seed: 3);
        var llrs = new sbyte[codeword.Length];
        SharedChannelMeasurements measurements = demodulator.Demodulate(configuration, received, 5, llrs);
        Assert.Equal(0, Errors(llrs, codeword));
        Assert.InRange(measurements.TimingOffsetSeconds, 0.15e-6, 0.35e-6);
    }

    [Theory]
    [InlineData(false, ModulationScheme.Qam16)]
    [InlineData(true, ModulationScheme.Qam64)]
    [InlineData(true, ModulationScheme.Pi2Bpsk)]
    public void Pusch_TransformPrecoding_RecoversCodeword(bool groupHopping, ModulationScheme scheme)
    {
        var configuration = new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 106,
            NSizeBwp = 106,
            PrbSet = [.. Enumerable.Range(10, 48)],
            Modulation = scheme,
            TransformPrecoding = true,
            Pi2BpskDmrs = scheme == ModulationScheme.Pi2Bpsk,
            TransformPrecodingDmrs = new TransformPrecodingDmrs { NIdRs = 501, GroupHopping = groupHopping, SequenceHopping = !groupHopping },
            NRnti = 1234,
            NId = 501,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0], ScramblingId0 = 501, ScramblingId1 = 501 },
        };
        configuration.ThrowIfInvalid();
        var modulator = new SharedChannelModulator(1);
        var demodulator = new SharedChannelDemodulator(2, 1);
        byte[] codeword = RandomBits(modulator.CodewordLength(configuration), 2);
        var transmitted = new ResourceGrid(1, 14, 106 * 12);
        modulator.Modulate(configuration, codeword, 11, transmitted);
        SyntheticChannel channel = SyntheticChannel.Benign(2, 1, seed: 4);
        var received = new ResourceGrid(2, 14, 106 * 12);
        channel.Apply(transmitted, received, Scs, Math.Pow(10, -3), seed: 4);
        var llrs = new sbyte[codeword.Length];
        demodulator.Demodulate(configuration, received, 11, llrs);
        Assert.Equal(0, Errors(llrs, codeword));
    }

    [Fact]
    public void Pusch_CodebookFourPortsThreeLayers_RecoversCodeword()
    {
        var configuration = new PuschConfiguration
        {
            NSizeGrid = 25,
            NSizeBwp = 25,
            PrbSet = [.. Enumerable.Range(0, 25)],
            Modulation = ModulationScheme.Qam16,
            LayerCount = 3,
            AntennaPortCount = 4,
            TransmissionScheme = PuschTransmissionScheme.Codebook,
            Tpmi = 1,
            Dmrs = new DmrsConfiguration { ConfigurationType = DmrsConfigurationType.Type2, CdmGroupsWithoutData = 2, AdditionalPosition = 2, Ports = [0, 1, 2] },
        };
        var modulator = new SharedChannelModulator();
        var demodulator = new SharedChannelDemodulator();
        byte[] codeword = RandomBits(modulator.CodewordLength(configuration), 3);
        var transmitted = new ResourceGrid(4, 14, 25 * 12);
        modulator.Modulate(configuration, codeword, 2, transmitted);
        SyntheticChannel channel = SyntheticChannel.Benign(4, 4, seed: 8);
        var received = new ResourceGrid(4, 14, 25 * 12);
        channel.Apply(transmitted, received, 15e3, Math.Pow(10, -3.5), seed: 5);
        var llrs = new sbyte[codeword.Length];
        demodulator.Demodulate(configuration, received, 2, llrs);
        Assert.Equal(0, Errors(llrs, codeword));
    }

    [Fact]
    public void Pdsch_PhaseNoise_IsCorrectedByPtrs()
    {
        var configuration = new PdschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 51,
            NSizeBwp = 51,
            PrbSet = [.. Enumerable.Range(0, 51)],
            Modulation = ModulationScheme.Qam256,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 0, Ports = [0] },
            Ptrs = new PtrsConfiguration { TimeDensity = 1, FrequencyDensity = 2 },
        };
        var modulator = new SharedChannelModulator(1);
        byte[] codeword = RandomBits(modulator.CodewordLength(configuration), 4);
        var transmitted = new ResourceGrid(1, 14, 51 * 12);
        modulator.Modulate(configuration, codeword, 0, transmitted);
        // A common phase that wanders by up to ±0.2 rad over the slot: far beyond 256QAM's tolerance without correction.
        double[] phases = [.. Enumerable.Range(0, 14).Select(l => 0.2 * Math.Sin(l * 0.7))];
        var channel = new SyntheticChannel(1, 1, [0], seed: 1) { SymbolPhases = phases };
        var received = new ResourceGrid(1, 14, 51 * 12);
        channel.Apply(transmitted, received, Scs, Math.Pow(10, -4), seed: 6);
        var llrs = new sbyte[codeword.Length];
        var corrected = new SharedChannelDemodulator(1, 1).Demodulate(configuration, received, 0, llrs);
        Assert.Equal(0, Errors(llrs, codeword));
        var uncorrected = new SharedChannelDemodulator(1, 1, new SharedChannelReceiverOptions { CompensateCommonPhaseError = false }).Demodulate(configuration, received, 0, llrs);
        Assert.True(Errors(llrs, codeword) > 0);
        Assert.True(corrected.EvmPercent < uncorrected.EvmPercent / 2, $"EVM {corrected.EvmPercent:F2} % vs {uncorrected.EvmPercent:F2} %");
    }

    [Fact]
    public void ModulateAndDemodulate_SteadyState_AllocateNothing()
    {
        var pdsch = new PdschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 273,
            NSizeBwp = 273,
            PrbSet = [.. Enumerable.Range(0, 273)],
            Modulation = ModulationScheme.Qam256,
            LayerCount = 2,
            Dmrs = new DmrsConfiguration { Ports = [0, 1] },
            Ptrs = new PtrsConfiguration(),
        };
        var pusch = new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 273,
            NSizeBwp = 273,
            PrbSet = [.. Enumerable.Range(0, 270)],
            Modulation = ModulationScheme.Qam16,
            TransformPrecoding = true,
            Dmrs = new DmrsConfiguration { Ports = [0] },
        };
        var pdschModulator = new SharedChannelModulator();
        var pdschDemodulator = new SharedChannelDemodulator(2, 2, new SharedChannelReceiverOptions { ChannelEstimator = new ChannelEstimatorOptions { FrequencyInterpolation = FrequencyInterpolation.Wiener } });
        var puschModulator = new SharedChannelModulator();
        var puschDemodulator = new SharedChannelDemodulator(1, 1);
        var grid = new ResourceGrid(4, 14, 273 * 12);
        byte[] pdschBits = RandomBits(pdschModulator.CodewordLength(pdsch), 5);
        byte[] puschBits = RandomBits(puschModulator.CodewordLength(pusch), 6);
        var pdschLlrs = new sbyte[pdschBits.Length];
        var puschLlrs = new sbyte[puschBits.Length];
        void Slot()
        {
            pdschModulator.Modulate(pdsch, pdschBits, 1, grid);
            pdschDemodulator.Demodulate(pdsch, grid, 1, pdschLlrs);
            puschModulator.Modulate(pusch, puschBits, 1, grid);
            puschDemodulator.Demodulate(pusch, grid, 1, puschLlrs);
        }

        AllocationAssert.SteadyStateAllocatesNothing(Slot, warmUpCalls: 2, rounds: 3, callsPerRound: 1);
        Assert.Equal(0, Errors(pdschLlrs, pdschBits));
        Assert.Equal(0, Errors(puschLlrs, puschBits));
    }

    internal static byte[] RandomBits(int count, int seed)
    {
        var random = new Random(seed);
        var bits = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bits[i] = (byte)random.Next(2);
        }

        return bits;
    }

    internal static int Errors(ReadOnlySpan<sbyte> llrs, ReadOnlySpan<byte> bits)
    {
        int errors = 0;
        for (int i = 0; i < bits.Length; i++)
        {
            errors += LogLikelihoodRatio.HardDecision(llrs[i]) != bits[i] ? 1 : 0;
        }

        return errors;
    }
}
