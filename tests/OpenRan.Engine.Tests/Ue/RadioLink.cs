using System;
using OpenRan.Engine.Configuration;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// A gNB radio and a UE radio joined in one process (<see cref="LinkedRadio"/>): the peer of <c>openran gnb</c> and
/// <c>openran ue</c> over ZMQ without sockets, in virtual time, with the UE's oscillator off by a given number of ppm
/// (its sample clock and both its carriers: the UE sees the downlink at −ε·f_DL and drifting by ε·f_s samples per
/// second, and its uncorrected uplink would reach the gNB at +ε·f_UL, drifting the other way). For tests.
/// </summary>
internal sealed class RadioLink : IDisposable
{
    /// <summary>The radios of <paramref name="cell"/>'s gNB and its phy-test UE, the UE's clock off by <paramref name="uePpm"/>.</summary>
    public RadioLink(CellSetup cell, double uePpm)
    {
        var factory = new RadioFactory([new LoopbackRadioDriver()]);
        Gnb = new LinkedRadio("gnb", 0);
        Ue = new LinkedRadio("ue", uePpm);
        Gnb.Connect(Ue);
        Ue.Connect(Gnb);
        Gnb.Configure(RadioSetup.Create(cell, factory, "loopback", string.Empty).Configuration);
        Ue.Configure(RadioSetup.CreateForUe(cell, factory, "loopback", string.Empty).Configuration);
    }

    /// <summary>The gNB's end (its clock is the reference).</summary>
    public LinkedRadio Gnb { get; }

    /// <summary>The UE's end.</summary>
    public LinkedRadio Ue { get; }

    public void Dispose()
    {
        Gnb.Dispose();
        Ue.Dispose();
    }
}
