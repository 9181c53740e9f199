//! The GPU side: pipelines, buffers and the paint callback that uploads what changed and draws
//! cooperations, then nodes, into egui's render pass.

use std::sync::Arc;

use eframe::egui_wgpu::{self, CallbackResources, CallbackTrait, ScreenDescriptor, wgpu};

/// What the canvas needs to know of the renderer: the format it draws into and how large a
/// storage buffer may be.
#[derive(Clone, Debug)]
pub struct GpuTarget {
    /// The colour format of egui's render target.
    pub format: wgpu::TextureFormat,
    /// The device's largest storage buffer binding, in bytes.
    pub max_buffer_bytes: u64,
    /// Whether the "GPU" is a software rasteriser (Mesa's lavapipe, llvmpipe): it draws on the
    /// same processor as the layout, so automatic mode keeps the CPU path, which culls.
    pub software: bool,
}

impl GpuTarget {
    /// The target of eframe's wgpu renderer.
    pub fn of(render_state: &egui_wgpu::RenderState) -> Self {
        Self {
            format: render_state.target_format,
            max_buffer_bytes: render_state.device.limits().max_storage_buffer_binding_size,
            software: render_state.adapter.get_info().device_type == wgpu::DeviceType::Cpu,
        }
    }
}

/// The view transform, as the shader's `View`.
#[derive(Clone, Copy, Debug)]
pub(super) struct ViewUniform {
    pub center: [f32; 2],
    pub zoom: f32,
    pub size: [f32; 2],
    pub edge_width: f32,
}

impl ViewUniform {
    fn bytes(&self, pixels_per_point: f32) -> [u8; 32] {
        let values = [
            self.center[0],
            self.center[1],
            self.zoom,
            pixels_per_point,
            self.size[0],
            self.size[1],
            self.edge_width,
            0.0,
        ];
        let mut bytes = [0u8; 32];
        for (chunk, value) in bytes.chunks_exact_mut(4).zip(values) {
            chunk.copy_from_slice(&value.to_le_bytes());
        }
        bytes
    }
}

/// One frame's drawing of the graph: the packed buffers (with generations, uploaded only when
/// they differ from what the GPU holds) and the view.
pub(super) struct GraphCallback {
    /// Which layer this callback paints: the CPU draws its own lines between the two.
    pub layer: Layer,
    pub target: GpuTarget,
    pub view: ViewUniform,
    pub positions: (u64, Arc<Vec<u8>>),
    pub styles: (u64, Arc<Vec<u8>>),
    pub edges: (u64, Arc<Vec<u8>>),
    pub node_count: u32,
    pub edge_count: u32,
}

/// A layer of the GPU's drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layer {
    /// Straight cooperations with their arrowheads.
    Cooperations,
    /// Actors.
    Actors,
}

/// A storage buffer that grows as needed, with the generation of its content.
struct Storage {
    buffer: wgpu::Buffer,
    generation: Option<u64>,
}

impl Storage {
    fn new(device: &wgpu::Device, label: &str, size: u64) -> Self {
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: size.max(16).next_multiple_of(16),
            usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Self { buffer, generation: None }
    }

    /// Uploads `bytes` unless this generation is already there; returns whether the buffer was
    /// replaced (so the bind group must be rebuilt).
    fn upload(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        label: &str,
        (generation, bytes): &(u64, Arc<Vec<u8>>),
    ) -> bool {
        if self.generation == Some(*generation) {
            return false;
        }
        let mut replaced = false;
        if self.buffer.size() < bytes.len() as u64 {
            *self = Self::new(device, label, (bytes.len() as u64).next_power_of_two());
            replaced = true;
        }
        // Storage writes must be a multiple of 4 bytes; every packed record is.
        if !bytes.is_empty() {
            queue.write_buffer(&self.buffer, 0, bytes);
        }
        self.generation = Some(*generation);
        replaced
    }
}

/// Pipelines and buffers, created on first use and kept in egui's callback resources.
struct GraphResources {
    format: wgpu::TextureFormat,
    edge_pipeline: wgpu::RenderPipeline,
    node_pipeline: wgpu::RenderPipeline,
    layout: wgpu::BindGroupLayout,
    view: wgpu::Buffer,
    positions: Storage,
    styles: Storage,
    edges: Storage,
    bind_group: wgpu::BindGroup,
}

impl GraphResources {
    fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Self {
        let shader = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("kgx graph"),
            source: wgpu::ShaderSource::Wgsl(include_str!("graph.wgsl").into()),
        });
        let storage_entry = |binding: u32| wgpu::BindGroupLayoutEntry {
            binding,
            visibility: wgpu::ShaderStages::VERTEX,
            ty: wgpu::BindingType::Buffer {
                ty: wgpu::BufferBindingType::Storage { read_only: true },
                has_dynamic_offset: false,
                min_binding_size: None,
            },
            count: None,
        };
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("kgx graph"),
            entries: &[
                wgpu::BindGroupLayoutEntry {
                    binding: 0,
                    visibility: wgpu::ShaderStages::VERTEX | wgpu::ShaderStages::FRAGMENT,
                    ty: wgpu::BindingType::Buffer {
                        ty: wgpu::BufferBindingType::Uniform,
                        has_dynamic_offset: false,
                        min_binding_size: None,
                    },
                    count: None,
                },
                storage_entry(1),
                storage_entry(2),
                storage_entry(3),
            ],
        });
        let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("kgx graph"),
            bind_group_layouts: &[Some(&layout)],
            immediate_size: 0,
        });
        let pipeline = |vertex: &str, fragment: &str, topology: wgpu::PrimitiveTopology| {
            device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
                label: Some(vertex),
                layout: Some(&pipeline_layout),
                vertex: wgpu::VertexState {
                    module: &shader,
                    entry_point: Some(vertex),
                    buffers: &[],
                    compilation_options: wgpu::PipelineCompilationOptions::default(),
                },
                primitive: wgpu::PrimitiveState { topology, ..wgpu::PrimitiveState::default() },
                depth_stencil: None,
                multisample: wgpu::MultisampleState::default(),
                fragment: Some(wgpu::FragmentState {
                    module: &shader,
                    entry_point: Some(fragment),
                    targets: &[Some(wgpu::ColorTargetState {
                        format,
                        // Colours are premultiplied, as egui's.
                        blend: Some(wgpu::BlendState::PREMULTIPLIED_ALPHA_BLENDING),
                        write_mask: wgpu::ColorWrites::ALL,
                    })],
                    compilation_options: wgpu::PipelineCompilationOptions::default(),
                }),
                multiview_mask: None,
                cache: None,
            })
        };
        let edge_pipeline = pipeline("edge_vertex", "edge_fragment", wgpu::PrimitiveTopology::TriangleList);
        let node_pipeline = pipeline("node_vertex", "node_fragment", wgpu::PrimitiveTopology::TriangleStrip);
        let view = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("kgx view"),
            size: 32,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let positions = Storage::new(device, "kgx positions", 16);
        let styles = Storage::new(device, "kgx styles", 16);
        let edges = Storage::new(device, "kgx edges", 16);
        let bind_group = bind_group(device, &layout, &view, &positions, &styles, &edges);
        Self { format, edge_pipeline, node_pipeline, layout, view, positions, styles, edges, bind_group }
    }
}

fn bind_group(
    device: &wgpu::Device,
    layout: &wgpu::BindGroupLayout,
    view: &wgpu::Buffer,
    positions: &Storage,
    styles: &Storage,
    edges: &Storage,
) -> wgpu::BindGroup {
    device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("kgx graph"),
        layout,
        entries: &[
            wgpu::BindGroupEntry { binding: 0, resource: view.as_entire_binding() },
            wgpu::BindGroupEntry { binding: 1, resource: positions.buffer.as_entire_binding() },
            wgpu::BindGroupEntry { binding: 2, resource: styles.buffer.as_entire_binding() },
            wgpu::BindGroupEntry { binding: 3, resource: edges.buffer.as_entire_binding() },
        ],
    })
}

impl CallbackTrait for GraphCallback {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let stale = resources.get::<GraphResources>().is_some_and(|r| r.format != self.target.format);
        if stale || !resources.contains::<GraphResources>() {
            resources.insert(GraphResources::new(device, self.target.format));
        }
        let Some(graph) = resources.get_mut::<GraphResources>() else { return Vec::new() };
        queue.write_buffer(&graph.view, 0, &self.view.bytes(screen.pixels_per_point));
        let mut replaced = graph.positions.upload(device, queue, "kgx positions", &self.positions);
        replaced |= graph.styles.upload(device, queue, "kgx styles", &self.styles);
        replaced |= graph.edges.upload(device, queue, "kgx edges", &self.edges);
        if replaced {
            graph.bind_group =
                bind_group(device, &graph.layout, &graph.view, &graph.positions, &graph.styles, &graph.edges);
        }
        Vec::new()
    }

    fn paint(
        &self,
        _info: egui::PaintCallbackInfo,
        render_pass: &mut wgpu::RenderPass<'static>,
        resources: &CallbackResources,
    ) {
        let Some(graph) = resources.get::<GraphResources>() else { return };
        render_pass.set_bind_group(0, &graph.bind_group, &[]);
        if self.layer == Layer::Cooperations && self.edge_count > 0 {
            render_pass.set_pipeline(&graph.edge_pipeline);
            render_pass.draw(0..9, 0..self.edge_count);
        }
        if self.layer == Layer::Actors && self.node_count > 0 {
            render_pass.set_pipeline(&graph.node_pipeline);
            render_pass.draw(0..4, 0..self.node_count);
        }
    }
}
