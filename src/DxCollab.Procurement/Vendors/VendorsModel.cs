using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Vendors;

/// <summary>The tables of this slice (Procurement_*).</summary>
public sealed class VendorsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
