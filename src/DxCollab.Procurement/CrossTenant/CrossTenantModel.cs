using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>The tables of this slice (Procurement_*).</summary>
public sealed class CrossTenantModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
