using System;
using System.Collections.Generic;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// A shared-channel receiver (PUSCH or PDSCH) fed with a received grid made of the input bytes. Header: byte 0 picks one
/// of a few valid configurations, byte 1 the sample format (<see cref="FuzzInput.Samples"/>), byte 2 the slot, byte 3
/// the redundancy version; the rest fills the grid port by port, symbol by symbol (zeros beyond the input). The receiver
/// must return a result for every grid content: any exception is a finding.
/// </summary>
internal abstract class SharedChannelTarget<TConfiguration> : FuzzTarget
    where TConfiguration : SharedChannelConfiguration
{
    private readonly ResourceGrid _grid = new(4, 14, 273 * 12);
    private SharedChannelReceiver? _receiver;
    private Case[] _cases = [];

    /// <summary>The configurations and the receive-antenna count each is received with (transmit ports = receive ports, identity channel in the seeds).</summary>
    protected abstract IReadOnlyList<(TConfiguration Configuration, int RxPorts)> Configurations { get; }

    protected abstract SharedChannelReceiver CreateReceiver();

    protected abstract SharedChannelTransmitter CreateTransmitter();

    public override void Prepare()
    {
        _receiver = CreateReceiver();
        var cases = new List<Case>();
        foreach ((TConfiguration configuration, int rxPorts) in Configurations)
        {
            cases.Add(new Case(configuration, rxPorts, _receiver.CreateSoftBuffer(configuration), new byte[_receiver.TransportBlockSize(configuration)]));
        }

        _cases = [.. cases];
    }

    public override void Run(ReadOnlySpan<byte> input)
    {
        var reader = new FuzzInput(input);
        Case c = _cases[reader.Choose(_cases.Length)];
        int format = reader.Byte();
        int slot = reader.Choose(10 << c.Configuration.Numerology);
        int rv = reader.Choose(4);
        _grid.Configure(c.RxPorts, 14, c.Configuration.NSizeGrid, c.Configuration.NStartGrid);
        for (int port = 0; port < c.RxPorts; port++)
        {
            for (int symbol = 0; symbol < 14; symbol++)
            {
                reader.Samples(format, _grid.Symbol(port, symbol));
            }
        }

        bool silent = FalseDecodeCheck.IsSilent(_grid);
        SharedChannelReceiveResult result = _receiver!.Receive(c.Configuration, _grid, slot, rv, c.SoftBuffer, newData: true, c.Decoded);
        FalseDecodeCheck.ThrowIfDecodedFromSilence(silent, result.CrcPassed, Name);
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        SharedChannelTransmitter transmitter = CreateTransmitter();
        var random = new Random(11);
        IReadOnlyList<(TConfiguration Configuration, int RxPorts)> configurations = Configurations;
        for (int i = 0; i < configurations.Count; i++)
        {
            (TConfiguration configuration, int rxPorts) = configurations[i];
            var block = new byte[transmitter.TransportBlockSize(configuration)];
            for (int b = 0; b < block.Length; b++)
            {
                block[b] = (byte)random.Next(2);
            }

            var grid = new ResourceGrid(4, 14, 273 * 12);
            grid.Configure(rxPorts, 14, configuration.NSizeGrid, configuration.NStartGrid);
            grid.Clear();
            const int Slot = 1;
            transmitter.Process(configuration, block, 0, Slot, grid);
            var seed = new SeedBuilder().Header((byte)i, 0, Slot, 0);
            for (int port = 0; port < rxPorts; port++)
            {
                for (int symbol = 0; symbol < 14; symbol++)
                {
                    seed.Floats(grid.Symbol(port, symbol));
                }
            }

            yield return new FuzzSeed($"config{i}-rv0-noiseless", seed.ToArray());
            yield return new FuzzSeed($"config{i}-silent", new SeedBuilder().Header((byte)i, 1, 3, 0).ToArray());
            var noise = new SeedBuilder().Header((byte)i, 1, 5, 2);
            noise.RandomBytes(random, 2 * 12 * configuration.NSizeGrid * 14);
            yield return new FuzzSeed($"config{i}-noise", noise.ToArray());
        }
    }

    /// <summary>Whether any sample is non-finite or above 1e9 in a component (far above any real received sample).</summary>
    private sealed record Case(TConfiguration Configuration, int RxPorts, SharedChannelSoftBuffer SoftBuffer, byte[] Decoded);
}
