/**
 * The police forces of the UK: the 43 Home Office forces of England and Wales (GSS area codes matching
 * ../shared/data/geo), Police Scotland, PSNI and BTP, with policing region and serving ROCU.
 * From ../shared/data/forces/forces.csv (compiled from public descriptions of the ROCU network, 2025).
 */
export interface ForceRef {
  code: string;
  name: string;
  region: string;
  forceAreaCode: string | null;
  rocuCode: string | null;
}

export const FORCES: ForceRef[] = [
  { code: 'met', name: 'Metropolitan Police', region: 'London', forceAreaCode: 'E23000001', rocuCode: null },
  { code: 'city-of-london', name: 'City of London Police', region: 'London', forceAreaCode: 'E23000034', rocuCode: null },
  { code: 'cumbria', name: 'Cumbria Constabulary', region: 'North West', forceAreaCode: 'E23000002', rocuCode: 'rocu-north-west' },
  { code: 'lancashire', name: 'Lancashire Constabulary', region: 'North West', forceAreaCode: 'E23000003', rocuCode: 'rocu-north-west' },
  { code: 'merseyside', name: 'Merseyside Police', region: 'North West', forceAreaCode: 'E23000004', rocuCode: 'rocu-north-west' },
  { code: 'gmp', name: 'Greater Manchester Police', region: 'North West', forceAreaCode: 'E23000005', rocuCode: 'rocu-north-west' },
  { code: 'cheshire', name: 'Cheshire Constabulary', region: 'North West', forceAreaCode: 'E23000006', rocuCode: 'rocu-north-west' },
  { code: 'north-wales', name: 'North Wales Police', region: 'Wales', forceAreaCode: 'W15000001', rocuCode: 'rocu-north-west' },
  { code: 'northumbria', name: 'Northumbria Police', region: 'North East', forceAreaCode: 'E23000007', rocuCode: 'rocu-north-east' },
  { code: 'durham', name: 'Durham Constabulary', region: 'North East', forceAreaCode: 'E23000008', rocuCode: 'rocu-north-east' },
  { code: 'cleveland', name: 'Cleveland Police', region: 'North East', forceAreaCode: 'E23000013', rocuCode: 'rocu-north-east' },
  { code: 'north-yorkshire', name: 'North Yorkshire Police', region: 'Yorkshire and the Humber', forceAreaCode: 'E23000009', rocuCode: 'rocu-yorkshire-humber' },
  { code: 'west-yorkshire', name: 'West Yorkshire Police', region: 'Yorkshire and the Humber', forceAreaCode: 'E23000010', rocuCode: 'rocu-yorkshire-humber' },
  { code: 'south-yorkshire', name: 'South Yorkshire Police', region: 'Yorkshire and the Humber', forceAreaCode: 'E23000011', rocuCode: 'rocu-yorkshire-humber' },
  { code: 'humberside', name: 'Humberside Police', region: 'Yorkshire and the Humber', forceAreaCode: 'E23000012', rocuCode: 'rocu-yorkshire-humber' },
  { code: 'west-midlands', name: 'West Midlands Police', region: 'West Midlands', forceAreaCode: 'E23000014', rocuCode: 'rocu-west-midlands' },
  { code: 'staffordshire', name: 'Staffordshire Police', region: 'West Midlands', forceAreaCode: 'E23000015', rocuCode: 'rocu-west-midlands' },
  { code: 'west-mercia', name: 'West Mercia Police', region: 'West Midlands', forceAreaCode: 'E23000016', rocuCode: 'rocu-west-midlands' },
  { code: 'warwickshire', name: 'Warwickshire Police', region: 'West Midlands', forceAreaCode: 'E23000017', rocuCode: 'rocu-west-midlands' },
  { code: 'derbyshire', name: 'Derbyshire Constabulary', region: 'East Midlands', forceAreaCode: 'E23000018', rocuCode: 'rocu-east-midlands' },
  { code: 'nottinghamshire', name: 'Nottinghamshire Police', region: 'East Midlands', forceAreaCode: 'E23000019', rocuCode: 'rocu-east-midlands' },
  { code: 'lincolnshire', name: 'Lincolnshire Police', region: 'East Midlands', forceAreaCode: 'E23000020', rocuCode: 'rocu-east-midlands' },
  { code: 'leicestershire', name: 'Leicestershire Police', region: 'East Midlands', forceAreaCode: 'E23000021', rocuCode: 'rocu-east-midlands' },
  { code: 'northamptonshire', name: 'Northamptonshire Police', region: 'East Midlands', forceAreaCode: 'E23000022', rocuCode: 'rocu-east-midlands' },
  { code: 'cambridgeshire', name: 'Cambridgeshire Constabulary', region: 'Eastern', forceAreaCode: 'E23000023', rocuCode: 'rocu-eastern' },
  { code: 'norfolk', name: 'Norfolk Constabulary', region: 'Eastern', forceAreaCode: 'E23000024', rocuCode: 'rocu-eastern' },
  { code: 'suffolk', name: 'Suffolk Constabulary', region: 'Eastern', forceAreaCode: 'E23000025', rocuCode: 'rocu-eastern' },
  { code: 'bedfordshire', name: 'Bedfordshire Police', region: 'Eastern', forceAreaCode: 'E23000026', rocuCode: 'rocu-eastern' },
  { code: 'hertfordshire', name: 'Hertfordshire Constabulary', region: 'Eastern', forceAreaCode: 'E23000027', rocuCode: 'rocu-eastern' },
  { code: 'essex', name: 'Essex Police', region: 'Eastern', forceAreaCode: 'E23000028', rocuCode: 'rocu-eastern' },
  { code: 'kent', name: 'Kent Police', region: 'South East', forceAreaCode: 'E23000032', rocuCode: 'rocu-eastern' },
  { code: 'thames-valley', name: 'Thames Valley Police', region: 'South East', forceAreaCode: 'E23000029', rocuCode: 'rocu-south-east' },
  { code: 'hampshire-and-isle-of-wight', name: 'Hampshire and Isle of Wight Constabulary', region: 'South East', forceAreaCode: 'E23000030', rocuCode: 'rocu-south-east' },
  { code: 'surrey', name: 'Surrey Police', region: 'South East', forceAreaCode: 'E23000031', rocuCode: 'rocu-south-east' },
  { code: 'sussex', name: 'Sussex Police', region: 'South East', forceAreaCode: 'E23000033', rocuCode: 'rocu-south-east' },
  { code: 'devon-and-cornwall', name: 'Devon and Cornwall Police', region: 'South West', forceAreaCode: 'E23000035', rocuCode: 'rocu-south-west' },
  { code: 'avon-and-somerset', name: 'Avon and Somerset Police', region: 'South West', forceAreaCode: 'E23000036', rocuCode: 'rocu-south-west' },
  { code: 'gloucestershire', name: 'Gloucestershire Constabulary', region: 'South West', forceAreaCode: 'E23000037', rocuCode: 'rocu-south-west' },
  { code: 'wiltshire', name: 'Wiltshire Police', region: 'South West', forceAreaCode: 'E23000038', rocuCode: 'rocu-south-west' },
  { code: 'dorset', name: 'Dorset Police', region: 'South West', forceAreaCode: 'E23000039', rocuCode: 'rocu-south-west' },
  { code: 'gwent', name: 'Gwent Police', region: 'Wales', forceAreaCode: 'W15000002', rocuCode: 'rocu-southern-wales' },
  { code: 'south-wales', name: 'South Wales Police', region: 'Wales', forceAreaCode: 'W15000003', rocuCode: 'rocu-southern-wales' },
  { code: 'dyfed-powys', name: 'Dyfed-Powys Police', region: 'Wales', forceAreaCode: 'W15000004', rocuCode: 'rocu-southern-wales' },
  { code: 'police-scotland', name: 'Police Scotland', region: 'Scotland', forceAreaCode: 'S23000009', rocuCode: null },
  { code: 'psni', name: 'Police Service of Northern Ireland', region: 'Northern Ireland', forceAreaCode: 'N23000001', rocuCode: null },
  { code: 'btp', name: 'British Transport Police', region: 'National', forceAreaCode: null, rocuCode: null },
];

export const ROCUS: { code: string; name: string }[] = [
  { code: 'rocu-north-west', name: 'North West Regional Organised Crime Unit (TITAN)' },
  { code: 'rocu-north-east', name: 'North East Regional Special Operations Unit (NERSOU)' },
  { code: 'rocu-yorkshire-humber', name: 'Yorkshire and Humber Regional Organised Crime Unit' },
  { code: 'rocu-west-midlands', name: 'West Midlands Regional Organised Crime Unit' },
  { code: 'rocu-east-midlands', name: 'East Midlands Special Operations Unit (EMSOU)' },
  { code: 'rocu-eastern', name: 'Eastern Region Special Operations Unit (ERSOU)' },
  { code: 'rocu-south-east', name: 'South East Regional Organised Crime Unit (SEROCU)' },
  { code: 'rocu-south-west', name: 'South West Regional Organised Crime Unit (Zephyr)' },
  { code: 'rocu-southern-wales', name: 'Southern Wales Regional Organised Crime Unit (Tarian)' },
];
