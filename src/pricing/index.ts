export {
  CACHE_MULTIPLIERS,
  PriceBook,
  type PriceBookOptions,
  type PriceOverride,
} from "./price-book.js";
export {
  DEFAULT_PRICE_FILE,
  type ModelPrice,
  modelPriceSchema,
  type PriceFile,
  priceFileSchema,
  readPriceFile,
} from "./price-file.js";
