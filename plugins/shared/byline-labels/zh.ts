import type { BylineLabels } from './types.js';

/** Chinese byline words ("作者：…", "记者 …", "编辑：…"). */
export const zh: BylineLabels = {
  lead: [
    '作者:',
    '记者',
    '記者',
    '撰文:',
    '编辑:',
    '編輯:',
    '责任编辑:',
    '責任編輯:',
    '发布者:',
    '發佈者:',
  ],
  and: ['、', '和', '与', '與'],
  notNames: ['匿名', '未知', '佚名', '管理员'],
  photo: ['摄', '攝', '摄影', '攝影', '图', '圖', '图片', '圖片'],
};
