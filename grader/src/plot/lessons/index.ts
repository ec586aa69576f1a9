/** Every lesson's figures, by lesson id (one file per lesson). */
import type { FigureDef } from "../figure.ts";
import { figures as f00 } from "./00.ts";
import { figures as f01 } from "./01.ts";
import { figures as f02 } from "./02.ts";
import { figures as f03 } from "./03.ts";
import { figures as f04 } from "./04.ts";
import { figures as f05 } from "./05.ts";
import { figures as f06 } from "./06.ts";
import { figures as f07 } from "./07.ts";
import { figures as f08 } from "./08.ts";
import { figures as f09 } from "./09.ts";
import { figures as f10 } from "./10.ts";
import { figures as f11 } from "./11.ts";
import { figures as f12 } from "./12.ts";
import { figures as f13 } from "./13.ts";
import { figures as f14 } from "./14.ts";
import { figures as f15 } from "./15.ts";

export const LESSON_FIGURES: Readonly<Record<string, readonly FigureDef[]>> = {
  "00-welcome": f00,
  "01-derivatives": f01,
  "02-gradients": f02,
  "03-chain-rule": f03,
  "04-gradient-descent": f04,
  "05-jacobians": f05,
  "06-hessians-and-convexity": f06,
  "07-newtons-method": f07,
  "08-loss-functions": f08,
  "09-linear-regression": f09,
  "10-logistic-regression": f10,
  "11-backpropagation": f11,
  "12-regularization-and-clipping": f12,
  "13-optimizers": f13,
  "14-automatic-differentiation": f14,
  "15-integration": f15,
};
