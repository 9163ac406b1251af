using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Costs;

/// <summary>The tables of this slice (Procurement_*).</summary>
public sealed class CostsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
