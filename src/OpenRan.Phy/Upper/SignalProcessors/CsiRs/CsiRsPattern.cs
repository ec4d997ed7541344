using System;
using System.Collections.Generic;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// The resource elements of one CSI-RS resource in every resource block it occupies, from TS 38.211 Table 7.4.1.5.3-1
/// and the covers of Tables 7.4.1.5.3-2..5: for each (k̄, l̄) of the row, each k′, l′ and each CDM index s, the port
/// p = 3000 + s + j·L, the element k = k̄ + k′, l = l̄ + l′ within the block and slot, the weight w_f(k′)·w_t(l′) and
/// the sequence index offset. The same elements repeat in every carried block n, with m′ = ⌊nα⌋ + offset.
/// </summary>
public sealed class CsiRsPattern
{
    private readonly CsiRsResourceElement[] _elements;

    /// <summary>Builds the pattern of <paramref name="configuration"/> (throws when it is invalid).</summary>
    public CsiRsPattern(CsiRsConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.ThrowIfInvalid();
        CsiRsRow row = configuration.Row;
        int[] k = configuration.FrequencyLocations();
        double rho = configuration.Density.Value();
        CsiRsCdmType cdm = row.CdmType;
        int groupSize = cdm.GroupSize();
        var elements = new List<CsiRsResourceElement>();
        int symbolMask = 0, subcarrierMask = 0;
        for (int e = 0; e < row.Locations.Length; e++)
        {
            CsiRsLocation location = row.Locations[e];
            int kBar = k[location.KIndex] + location.KOffset;
            int lBar = (location.UsesL1 ? configuration.FirstSymbol2 : configuration.FirstSymbol) + location.LOffset;
            int blockOffset = (int)Math.Floor(kBar * rho / NrConstants.SubcarriersPerRb);
            for (int s = 0; s < groupSize; s++)
            {
                for (int lPrime = 0; lPrime < cdm.TimeSpan(); lPrime++)
                {
                    for (int kPrime = 0; kPrime < cdm.FrequencySpan(); kPrime++)
                    {
                        int weight = Ts38211Tables7_4_1_5_3_2To5.Wf(cdm, s, kPrime) * Ts38211Tables7_4_1_5_3_2To5.Wt(cdm, s, lPrime);
                        elements.Add(new CsiRsResourceElement(s + (location.CdmGroup * groupSize), kBar + kPrime, lBar + lPrime, weight, kPrime + blockOffset, location.CdmGroup, e));
                        symbolMask |= 1 << (lBar + lPrime);
                        subcarrierMask |= 1 << (kBar + kPrime);
                    }
                }
            }
        }

        _elements = [.. elements];
        SymbolMask = symbolMask;
        SubcarrierMask = subcarrierMask;
        PortCount = row.Ports;
        CdmGroupSize = groupSize;
        Alpha = row.Ports == 1 ? rho : 2 * rho;
        Density = configuration.Density;
        StartRb = configuration.StartRb;
        RbCount = configuration.RbCount;
        LocationCount = row.Locations.Length;
    }

    /// <summary>Every resource element of one resource block, for every port (L elements share a (k, l) in a CDM group).</summary>
    public ReadOnlySpan<CsiRsResourceElement> Elements => _elements;

    /// <summary>Bit l set: OFDM symbol l carries the resource.</summary>
    public int SymbolMask { get; }

    /// <summary>Bit k set: subcarrier k (0..11) of each carried block is used (on every symbol of <see cref="SymbolMask"/>).</summary>
    public int SubcarrierMask { get; }

    /// <summary>X.</summary>
    public int PortCount { get; }

    /// <summary>L, the CDM group size.</summary>
    public int CdmGroupSize { get; }

    /// <summary>Number of (k̄, l̄) entries of the row.</summary>
    public int LocationCount { get; }

    /// <summary>α = ρ for X = 1, 2ρ otherwise.</summary>
    public double Alpha { get; }

    /// <summary>The density.</summary>
    public CsiRsDensity Density { get; }

    /// <summary>First common resource block of the resource.</summary>
    public int StartRb { get; }

    /// <summary>Resource blocks of the resource (before the density).</summary>
    public int RbCount { get; }

    /// <summary>Whether common resource block <paramref name="crb"/> carries the resource.</summary>
    public bool CarriesBlock(int crb) => crb >= StartRb && crb < StartRb + RbCount && Density.Carries(crb);

    /// <summary>⌊nα⌋, the sequence index of block n's first element.</summary>
    public int SequenceBase(int crb) => (int)Math.Floor(crb * Alpha);

    /// <summary>The carried common resource blocks within the grid [<paramref name="nStartGrid"/>, +<paramref name="nSizeGrid"/>).</summary>
    public IEnumerable<int> CarriedBlocks(int nStartGrid, int nSizeGrid)
    {
        int first = Math.Max(StartRb, nStartGrid);
        int end = Math.Min(StartRb + RbCount, nStartGrid + nSizeGrid);
        for (int n = first; n < end; n++)
        {
            if (Density.Carries(n))
            {
                yield return n;
            }
        }
    }
}
